#!/usr/bin/env bash
# Seeds the corpus of every fuzz target (corpus/<target>/) from the example
# inputs in ../examples. Each seed starts with the bytes the target's
# `Arbitrary` input reads before its text (format, language, date choices).
set -euo pipefail
cd "$(dirname "$0")"
examples=../examples

# Little-endian u32 picking variant k of an enum of n as arbitrary's derive
# does ((u32 * n) >> 32): the middle of each variant's range.
KO='\x00\x00\x00\x00' EN='\x00\x00\x00\x40' JA='\xaa\xaa\xaa\x6a' ZH='\x55\x55\x55\x95'
MIXED='\x00\x00\x00\xc0'
TEXT='\x00\x00\x00\x00' JSONL='\x55\x55\x55\x75' HTML='\xaa\xaa\xaa\xea'
# Some(i32): the flag byte, then 2025-07-01 as days from 0001-01-01.
DATE='\x01\x69\x48\x0b\x00'

# The UTF-8 text of an example file, whatever its encoding.
utf8() {
    case "$1" in
        *cp949*) iconv -f CP949 -t UTF-8 "$1" ;;
        *sjis*) iconv -f SHIFT_JIS -t UTF-8 "$1" ;;
        *gb18030*) iconv -f GB18030 -t UTF-8 "$1" ;;
        *) cat "$1" ;;
    esac
}

# The language choice for an example named after its language.
lang() {
    case "$(basename "$1")" in
        ko_*) echo "$KO" ;; en_*) echo "$EN" ;; ja_*) echo "$JA" ;; zh_*) echo "$ZH" ;;
        *) echo "$MIXED" ;;
    esac
}

mkdir -p corpus/{ingest_record,segment,figures,matcher,recognize,pipeline}
for file in "$examples"/txt/*.txt; do
    name=$(basename "$file" .txt)
    { printf "$TEXT"; cat "$file"; } > "corpus/ingest_record/$name"
    utf8 "$file" > "corpus/segment/$name"
    { printf "$(lang "$file")$DATE"; utf8 "$file"; } > "corpus/figures/$name"
    { printf '\x01'; utf8 "$file"; } > "corpus/matcher/$name"
    { printf '\x01'; utf8 "$file"; } > "corpus/recognize/$name"
    { printf "$DATE"; utf8 "$file"; } > "corpus/pipeline/$name"
done
for file in "$examples"/html/*.html; do
    { printf "$HTML"; cat "$file"; } > "corpus/ingest_record/$(basename "$file" .html)"
done
line_number=0
while IFS= read -r line; do
    line_number=$((line_number + 1))
    { printf "$JSONL"; printf '%s' "$line"; } > "corpus/ingest_record/jsonl_$line_number"
done < "$examples"/articles.jsonl
