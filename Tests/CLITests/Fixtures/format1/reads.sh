#!/bin/bash
# The reads the format migration test compares: run against a copy of this fixture, writes one file
# per read (stdout, stderr and exit status) to the folder given.
#   CV=path/to/consent-vault bash reads.sh VAULT_FOLDER OUT_FOLDER
set -u
folder=${1:?vault folder}; out=${2:?output folder}
mkdir -p "$out"
export CONSENT_VAULT_PATH="$folder/vault.db" CONSENT_VAULT_KEYS="$folder/keys"
read -r anna ben cem request < "$folder/ids.txt"
{ read -r dora; read -r eli; } < "$folder/imported.txt"
step=0
run() {
    step=$((step + 1))
    local file; file=$(printf '%s/%02d-%s' "$out" "$step" "$1"); shift
    "$CV" "$@" --json > "$file.out" 2> "$file.err"
    echo "exit $?" >> "$file.out"
}
for member in "$anna" "$ben" "$cem" "$dora" "$eli"; do
    run get member get "$member" --purpose loyalty_account
    run history consent history "$member"
    run balance rewards balance "$member"
    run ledger rewards ledger "$member"
done
run find-email member find --email ANNA.BERG@example.de
run find-phone member find --phone 0171-2345678
run find-number member find --member-number "CV 0005 4321"
run list member list
run request dsr show "$request"
run events events
run keys keys status
run suppression suppression list
run audit audit verify
# Each read is audited with its time, so only the verdict is compared, not the chain's head.
sed -i 's/"entries":[0-9]*,"head":"[^"]*",//' "$out"/*-audit.out
