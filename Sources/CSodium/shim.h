#ifndef CONSENT_VAULT_CSODIUM_SHIM_H
#define CONSENT_VAULT_CSODIUM_SHIM_H
#include <sodium.h>
#endif
