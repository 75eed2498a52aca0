//! `gazette dict check` and `gazette dict stats` end to end.

use crate::util::{fixtures, gazette};

/// Runs `gazette dict` with `args`; returns the exit code and stdout with the
/// fixtures directory written as `F`.
fn dict(args: &[&str]) -> (Option<i32>, String) {
    let output = gazette(&[&["dict"], args].concat());
    let stdout = String::from_utf8(output.stdout).unwrap();
    let fixtures = fixtures();
    (output.status.code(), stdout.replace(fixtures.to_str().unwrap(), "F"))
}

#[test]
fn check_reports_every_problem_of_a_broken_dictionary_with_its_line() {
    let broken = fixtures().join("dict-broken");
    let (code, stdout) = dict(&["check", "--no-bundled-dict", "--dict", broken.to_str().unwrap()]);
    assert_eq!(code, Some(1));
    assert_eq!(
        stdout,
        "\
error: F/dict-broken/organizations.tsv:5: duplicate id `org:acme`, first defined at F/dict-broken/organizations.tsv:4
error: F/dict-broken/organizations.tsv:6: empty canonical name for `org:beta`
error: F/dict-broken/organizations.tsv:7: invalid id `Org:gamma`, expected `org:` and a slug of lowercase ASCII letters, digits, `-` or `.`
error: F/dict-broken/organizations.tsv:8: unknown country code `XK`, expected an ISO 3166 alpha-2 code such as `KR`
error: F/dict-broken/organizations.tsv:9: empty alias in `EH||Epsilon`
error: F/dict-broken/organizations.tsv:10: expected 7 tab-separated fields, found 6
warning: F/dict-broken/organizations.tsv:12: `ACME` of `org:eta` is also a name of `org:acme` (F/dict-broken/organizations.tsv:4); if intended, add the line `# shared-alias: ACME`
warning: F/dict-broken/organizations.tsv:13: `Trust` of `org:theta` is a common English word and matches it in any letter case
warning: F/dict-broken/terms.tsv:3: `因` of `term:x` is a single character
warning: F/dict-broken/terms.tsv:4: `medical` of `term:medical` is a common English word and matches it in any letter case
warning: F/dict-broken/terms.tsv:4: `医療` of `term:medical` occurs inside the common word `医療`
warning: F/dict-broken/terms.tsv:4: `医` of `term:medical` is a single character
6 entities: 6 errors, 6 warnings
"
    );
}

#[test]
fn check_passes_clean_dictionaries_and_fails_warnings_only_when_strict() {
    let clean = fixtures().join("dict");
    let clean = clean.to_str().unwrap();
    assert_eq!(
        dict(&["check", "--no-bundled-dict", "--dict", clean]),
        (Some(0), "5 entities: 0 errors, 0 warnings\n".to_owned())
    );
    let (code, stdout) = dict(&["check"]);
    assert_eq!(code, Some(0), "{stdout}");
    assert!(stdout.contains(" 0 errors, "), "the bundled dictionary loads: {stdout}");

    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("terms.tsv"),
        "id\tcanonical\tname_ko\tname_ja\tname_zh\tcountry\taliases\nterm:x\tOpen\t\t\t\t\t\n",
    )
    .unwrap();
    let user = dir.path().to_str().unwrap();
    assert_eq!(dict(&["check", "--no-bundled-dict", "--dict", user]).0, Some(0));
    assert_eq!(dict(&["check", "--no-bundled-dict", "--dict", user, "--strict"]).0, Some(1));
    assert_eq!(dict(&["check", "--no-bundled-dict"]).0, Some(2));
}

#[test]
fn stats_counts_types_scripts_and_countries() {
    let clean = fixtures().join("dict");
    let (code, stdout) = dict(&["stats", "--no-bundled-dict", "--dict", clean.to_str().unwrap()]);
    assert_eq!(code, Some(0));
    assert_eq!(
        stdout,
        "\
type           entities  names   Latin  Hangul    Kana     Han   other name_ko name_ja name_zh
organization          3     11       6       3       0       2       0       2       2       0
term                  2      5       4       1       0       0       0       1       0       0
total                 5     16      10       4       0       2       0       3       2       0

entities per country: - 2, JP 1, KR 2
"
    );
}
