#!/bin/bash
# Made the format-1 vault of this fixture with the build of commit a26070b (the last of storage
# format 1): members with every kind of value, consents (a pending double opt-in, a withdrawal),
# a share with points, an import, an open request, a key rotation and an erasure. It is kept to
# show how the fixture came about; run on a newer build it makes a newer format.
#   CV=path/to/old/consent-vault bash make.sh FOLDER
# Then `reads.sh` on a copy gave `expected/`.
set -euo pipefail
CV=${CV:?path to a format-1 consent-vault}
out=${1:?folder}
rm -rf "$out"; mkdir -p "$out/expected"
export CONSENT_VAULT_PATH="$out/vault.db" CONSENT_VAULT_KEYS="$out/keys"
$CV keygen --out "$out/keys" >/dev/null
$CV init >/dev/null
anna=$($CV member enroll --field email=anna.berg@example.de --field first_name=Anna --field last_name=Berg --field birthday=1990-12-24 \
   --field phone=+491712345678 --field member_number=CV00012345 --field "address=Hauptstraße 5, 10115 Berlin" \
   --consent email_marketing --consent personalized_offers --channel app --captured-at 2026-11-20T10:00:00Z | head -1)
ben=$($CV member enroll --field email=ben.okafor@example.com --field first_name=Ben --consent birthday_rewards --field birthday=1985-03-03 --channel web --language en)
$CV consent withdraw "$ben" --purpose birthday_rewards >/dev/null
$CV profile shared "$anna" --field clothing_size=M --consent personalized_offers --channel app >/dev/null
cem=$($CV member enroll --field email=cem.yilmaz@example.de --field first_name=Cem --field phone=+4915112345678 --consent email_marketing --channel store | head -1)
printf '%s\n' '{"fields":{"email":"dora.nowak@example.pl","first_name":"Dora"},"consents":[{"purpose":"personalized_offers"}]}' \
  '{"fields":{"email":"eli.cohen@example.org","first_name":"Eli","member_number":"CV00054321"}}' > "$out/import.jsonl"
$CV member import "$out/import.jsonl" > "$out/imported.txt"
req=$($CV dsr open --member "$anna" --type access --channel email --received 2026-11-20 --json | python3 -c 'import json,sys; print(json.load(sys.stdin)["request"])')
$CV keys rotate --yes >/dev/null
$CV dsr erase "$cem" --yes >/dev/null
$CV checkpoint >/dev/null
rm -f "$out/import.jsonl"
echo "$anna $ben $cem $req" > "$out/ids.txt"
