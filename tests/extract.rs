//! `gazette extract` end to end on hand-checked fixtures: exact rows, exact
//! offsets, errors that name file and line, and the Parquet contract.

use arrow_array::cast::AsArray;

use crate::util::{extract_with_fixture_dict, file_metadata, fixtures, lines, read_batches};

struct Run {
    _dir: tempfile::TempDir,
    out: std::path::PathBuf,
    code: Option<i32>,
    stderr: String,
}

fn run_fixtures() -> Run {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    let output = extract_with_fixture_dict(&[fixtures().join("inputs")], &out);
    Run {
        code: output.status.code(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
        out,
        _dir: dir,
    }
}

impl Run {
    fn table(&self, name: &str, columns: &[&str]) -> Vec<String> {
        lines(&self.out.join(name), columns)
    }
}

#[test]
fn bad_inputs_are_reported_and_the_run_goes_on() {
    let run = run_fixtures();
    assert_eq!(run.code, Some(1), "{}", run.stderr);
    let batch = fixtures().join("inputs/batch.jsonl");
    let batch = batch.display();
    assert_eq!(
        run.stderr.lines().collect::<Vec<_>>(),
        [
            format!(
                "gazette: {batch}:2: not valid JSON: EOF while parsing a value at line 1 column 21"
            ),
            format!("gazette: {batch}:4: missing text field `text`"),
        ]
    );
    assert_eq!(
        run.table("errors", &["source", "line", "message"]),
        [
            format!("{batch}\t2\tnot valid JSON: EOF while parsing a value at line 1 column 21"),
            format!("{batch}\t4\tmissing text field `text`"),
        ]
    );
    assert_eq!(
        run.table("documents", &["doc_id", "title", "lang", "published", "n_chars", "n_sentences"]),
        [
            "j1\tCDMO\ten\t2025-03-04\t37\t1",
            "j4\tnull\ten\tnull\t34\t1",
            "en/forum\tRegulators meet in Tokyo\ten\t2025-12-15\t236\t4",
            "ko/notice\t식약처는 2025년 7월 17일 GMP 개정안을 발표했다.KPBMA는 환영했다.\tko\t2025-07-17\t45\t2",
        ]
    );
}

#[test]
fn sentences_have_exact_offsets_and_languages() {
    let run = run_fixtures();
    let en: Vec<_> = run
        .table("sentences", &["doc_id", "sentence_id", "start", "end", "lang", "text"])
        .into_iter()
        .filter(|l| l.starts_with("en/forum\t"))
        .collect();
    assert_eq!(
        en,
        [
            "en/forum\t0\t0\t24\ten\tRegulators meet in Tokyo",
            "en/forum\t1\t25\t44\tund\t2025-12-15 09:16:17",
            "en/forum\t2\t46\t174\ten\tAt a closing session in Tokyo, officials of the Ministry of Food and\nDrug Safety and PMDA held their 6th meeting on December 11.",
            "en/forum\t3\t175\t235\ten\tA survey of 45 companies found that 18% had reached Level 3.",
        ]
    );
}

#[test]
fn mentions_have_exact_surfaces_offsets_and_ids() {
    let run = run_fixtures();
    assert_eq!(
        run.table(
            "mentions",
            &[
                "doc_id",
                "sentence_id",
                "start",
                "end",
                "surface",
                "entity_id",
                "entity_type",
                "method"
            ]
        ),
        [
            "j1\t0\t0\t4\tPMDA\torg:pmda\torganization\tdictionary",
            "j1\t0\t17\t22\tCDMOs\tterm:cdmo\tterm\tdictionary",
            "j4\t0\t0\t4\tMFDS\torg:mfds\torganization\tdictionary",
            "en/forum\t2\t94\t126\tMinistry of Food and\nDrug Safety\torg:mfds\torganization\tdictionary",
            "en/forum\t2\t131\t135\tPMDA\torg:pmda\torganization\tdictionary",
            "ko/notice\t0\t0\t3\t식약처\torg:mfds\torganization\tdictionary",
            "ko/notice\t0\t18\t21\tGMP\tterm:gmp\tterm\tdictionary",
            "ko/notice\t1\t32\t37\tKPBMA\torg:kpbma\torganization\tdictionary",
        ]
    );
}

#[test]
fn figures_have_exact_values_units_and_dates() {
    let run = run_fixtures();
    assert_eq!(
        run.table(
            "figures",
            &[
                "doc_id",
                "sentence_id",
                "start",
                "end",
                "surface",
                "kind",
                "value",
                "value_max",
                "unit",
                "date",
                "subject"
            ]
        ),
        [
            "j1\t0\t28\t36\t3 months\tduration\t3\tnull\tmonth\tnull\tnull",
            "j4\t0\t14\t22\t2 plants\tcount\t2\tnull\tnull\tnull\tplants",
            "j4\t0\t26\t33\tMarch 9\tdate\tnull\tnull\tnull\tnull\tnull",
            "en/forum\t1\t25\t44\t2025-12-15 09:16:17\tdate\tnull\tnull\tnull\t2025-12-15\tnull",
            "en/forum\t2\t147\t150\t6th\tordinal\t6\tnull\tnull\tnull\tmeeting",
            "en/forum\t2\t162\t173\tDecember 11\tdate\tnull\tnull\tnull\t2025-12-11\tnull",
            "en/forum\t3\t187\t199\t45 companies\tcount\t45\tnull\tnull\tnull\tcompanies",
            "en/forum\t3\t211\t214\t18%\tpercent\t18\tnull\t%\tnull\tnull",
            "en/forum\t3\t227\t234\tLevel 3\tlevel\t3\tnull\tnull\tnull\tLevel",
            "ko/notice\t0\t5\t17\t2025년 7월 17일\tdate\tnull\tnull\tnull\t2025-07-17\tnull",
        ]
    );
}

#[test]
fn entities_table_holds_the_whole_dictionary() {
    let run = run_fixtures();
    assert_eq!(
        run.table(
            "entities",
            &["entity_id", "entity_type", "canonical", "name_ko", "name_ja", "aliases", "country"]
        ),
        [
            "org:kpbma\torganization\tKorea Pharmaceutical and Bio-Pharma Manufacturers Association\t한국제약바이오협회\tnull\t[Korea Pharmaceutical and Bio-Pharma Manufacturers Association|한국제약바이오협회|KPBMA]\tKR",
            "org:mfds\torganization\tMinistry of Food and Drug Safety\t식품의약품안전처\t韓国食品医薬品安全処\t[Ministry of Food and Drug Safety|식품의약품안전처|韓国食品医薬品安全処|MFDS|식약처]\tKR",
            "org:pmda\torganization\tPharmaceuticals and Medical Devices Agency\tnull\t医薬品医療機器総合機構\t[Pharmaceuticals and Medical Devices Agency|医薬品医療機器総合機構|PMDA]\tJP",
            "term:cdmo\tterm\tCDMO\t위탁개발생산\tnull\t[CDMO|위탁개발생산|Contract Development and Manufacturing Organization]\tnull",
            "term:gmp\tterm\tGMP\tnull\tnull\t[GMP|Good Manufacturing Practice]\tnull",
        ]
    );
}

#[test]
fn tables_have_the_documented_schema_and_metadata() {
    let run = run_fixtures();
    let expected: [(&str, &str); 7] = [
        (
            "documents",
            "doc_id: Utf8, source: Utf8, title: Utf8?, url: Utf8?, lang: Utf8, published: Date32?, text: Utf8, n_chars: Int64, n_sentences: Int64, boilerplate_chars: Int64, content_hash: Utf8, run_id: Utf8",
        ),
        (
            "sentences",
            "doc_id: Utf8, sentence_id: Int64, start: Int64, end: Int64, lang: Utf8, text: Utf8",
        ),
        (
            "entities",
            "entity_id: Utf8, entity_type: Utf8, canonical: Utf8, name_ko: Utf8?, name_ja: Utf8?, name_zh: Utf8?, aliases: List(Utf8), country: Utf8?, origin: Utf8",
        ),
        (
            "mentions",
            "doc_id: Utf8, sentence_id: Int64, start: Int64, end: Int64, surface: Utf8, entity_id: Utf8, entity_type: Utf8, method: Utf8",
        ),
        (
            "figures",
            "doc_id: Utf8, sentence_id: Int64, start: Int64, end: Int64, surface: Utf8, kind: Utf8, value: Float64?, value_max: Float64?, unit: Utf8?, date: Date32?, subject: Utf8?, entity_id: Utf8?",
        ),
        ("errors", "source: Utf8, line: Int64?, run_id: Utf8, level: Utf8, message: Utf8"),
        (
            "runs",
            "run_id: Utf8, started: Timestamp(µs, \"UTC\"), finished: Timestamp(µs, \"UTC\"), gazette_version: Utf8, mode: Utf8, inputs: List(Utf8), documents: Int64, skipped_unchanged: Int64, replaced: Int64, sentences: Int64, mentions: Int64, figures: Int64, errors: Int64, dictionary_hash: Utf8",
        ),
    ];
    let runs = read_batches(&run.out.join("runs"));
    let run_id = runs[0].column_by_name("run_id").unwrap().as_string::<i32>().value(0).to_owned();
    for (table, columns) in expected {
        let path = run.out.join(table);
        let parts = crate::util::parts(&path);
        let suffix = if matches!(table, "entities" | "runs") { "" } else { "-0" };
        assert_eq!(parts, [path.join(format!("part-{run_id}{suffix}.parquet"))], "{table}");
        let batches = read_batches(&path);
        let schema = batches[0].schema();
        let rendered: Vec<_> = schema
            .fields()
            .iter()
            .map(|f| {
                let ty = match f.data_type() {
                    arrow_schema::DataType::List(item) => format!("List({})", item.data_type()),
                    other => other.to_string(),
                };
                format!("{}: {ty}{}", f.name(), if f.is_nullable() { "?" } else { "" })
            })
            .collect();
        assert_eq!(rendered.join(", "), columns, "{table}");
        let meta = file_metadata(&parts[0]);
        assert!(meta.contains(&("gazette.schema_version".into(), Some("2".into()))), "{table}");
        assert!(meta.contains(&("gazette.run_id".into(), Some(run_id.clone()))), "{table}");
    }
}

#[test]
fn duplicate_document_ids_are_errors_and_the_first_document_wins() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    std::fs::create_dir(&input).unwrap();
    // Files are read in name order: `a.html` comes first, then `a.txt`,
    // then the JSONL records, the second of which reuses the id `a`.
    std::fs::write(input.join("a.html"), "<p>First text about PMDA.</p>").unwrap();
    std::fs::write(input.join("a.txt"), "Second text about MFDS.").unwrap();
    std::fs::write(
        input.join("b.jsonl"),
        "{\"id\": \"b\", \"text\": \"B\"}\n{\"id\": \"a\", \"text\": \"C\"}\n",
    )
    .unwrap();
    let out = dir.path().join("out");
    let output = crate::util::extract_with_fixture_dict(std::slice::from_ref(&input), &out);
    assert_eq!(output.status.code(), Some(1));
    let (html, txt, jsonl) = (input.join("a.html"), input.join("a.txt"), input.join("b.jsonl"));
    let message =
        format!("duplicate document id `a` (first used by `{}`); document skipped", html.display());
    assert_eq!(
        String::from_utf8_lossy(&output.stderr),
        format!(
            "gazette: {}: {message}\ngazette: {}:2: {message}\n",
            txt.display(),
            jsonl.display()
        )
    );
    let documents = lines(&out.join("documents"), &["doc_id", "text"]);
    assert_eq!(documents, ["a\tFirst text about PMDA.", "b\tB"]);
    let errors = lines(&out.join("errors"), &["source", "line", "message"]);
    assert_eq!(
        errors,
        [
            format!("{}\tnull\t{message}", txt.display()),
            format!("{}\t2\t{message}", jsonl.display())
        ]
    );
}

#[test]
fn jsonl_field_names_come_from_flags() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("feed.jsonl");
    std::fs::write(
        &input,
        "{\"uid\": \"n-7\", \"headline\": \"H\", \"body\": \"PMDA met on 2025-03-04.\", \"date\": \"2025.03.01\", \"link\": \"https://example.org/n-7\"}\n",
    )
    .unwrap();
    let out = dir.path().join("out");
    let dict = fixtures().join("dict");
    let output = crate::util::gazette(&[
        "extract",
        "-q",
        "--no-bundled-dict",
        "--dict",
        dict.to_str().unwrap(),
        "--id-field",
        "uid",
        "--text-field",
        "body",
        "--title-field",
        "headline",
        "--url-field",
        "link",
        "--published-field",
        "date",
        "-o",
        out.to_str().unwrap(),
        input.to_str().unwrap(),
    ]);
    assert_eq!(output.status.code(), Some(0), "{}", String::from_utf8_lossy(&output.stderr));
    assert_eq!(
        lines(&out.join("documents"), &["doc_id", "source", "title", "url", "published", "text"]),
        [format!(
            "n-7\t{}:1\tH\thttps://example.org/n-7\t2025-03-01\tPMDA met on 2025-03-04.",
            input.display()
        )]
    );
    assert_eq!(
        lines(&out.join("mentions"), &["doc_id", "surface", "entity_id"]),
        ["n-7\tPMDA\torg:pmda"]
    );
}

#[test]
fn rows_keep_the_input_order_across_chunks_processed_in_parallel() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("many.jsonl");
    // Several chunks of records; every seventh document is long, so that the
    // workers finish chunks and documents out of order. Line 4,501 reuses
    // the id of line 101.
    let ids: Vec<String> = (0..5000).map(|n| format!("d{n:04}")).collect();
    let records: String = ids
        .iter()
        .enumerate()
        .map(|(n, id)| {
            let id = if n == 4500 { "d0100" } else { id.as_str() };
            let sentences = if n % 7 == 0 { 300 } else { 1 };
            let text = format!("PMDA approved drug {n}. ").repeat(sentences);
            format!("{{\"id\": \"{id}\", \"text\": \"{text}\"}}\n")
        })
        .collect();
    std::fs::write(&input, records).unwrap();
    let out = dir.path().join("out");
    let output = crate::util::extract_with_fixture_dict_and(
        &["-j", "2"],
        std::slice::from_ref(&input),
        &out,
    );
    assert_eq!(output.status.code(), Some(1), "{}", String::from_utf8_lossy(&output.stderr));

    let expected: Vec<&str> =
        ids.iter().enumerate().filter(|(n, _)| *n != 4500).map(|(_, id)| id.as_str()).collect();
    assert_eq!(lines(&out.join("documents"), &["doc_id"]), expected);
    let mut in_sentences = lines(&out.join("sentences"), &["doc_id"]);
    in_sentences.dedup();
    assert_eq!(in_sentences, expected);
    let message = format!(
        "duplicate document id `d0100` (first used by `{}:101`); document skipped",
        input.display()
    );
    assert_eq!(lines(&out.join("errors"), &["line", "message"]), [format!("4501\t{message}")]);
}
