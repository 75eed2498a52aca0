//! Names found by pattern end to end: `pattern` mentions, and their entities
//! added to the `entities` table once each.

use crate::util::{extract_with_fixture_dict, lines};

#[test]
fn pattern_mentions_and_their_entities_are_written() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    std::fs::create_dir(&input).unwrap();
    std::fs::write(
        input.join("a.txt"),
        "Professor Mina Seo of Hanbit Medical University met the MFDS.\nHanbit Medical University agreed.\n",
    )
    .unwrap();
    std::fs::write(input.join("b.txt"), "한빛병원은 김하늘 교수를 임명했다.\n").unwrap();
    let out = dir.path().join("out");
    let output = extract_with_fixture_dict(&[input], &out);
    assert_eq!(output.status.code(), Some(0), "{}", String::from_utf8_lossy(&output.stderr));
    let mentions = lines(
        &out.join("mentions"),
        &["doc_id", "start", "end", "surface", "entity_id", "entity_type", "method"],
    );
    let hospital =
        gazette::recognize::pattern_entity_id(gazette::model::EntityType::Organization, "한빛병원");
    let kim = gazette::recognize::pattern_entity_id(gazette::model::EntityType::Person, "김하늘");
    assert_eq!(
        mentions,
        [
            "a\t10\t18\tMina Seo\tperson:x-mina-seo\tperson\tpattern".to_owned(),
            "a\t22\t47\tHanbit Medical University\torg:x-hanbit-medical-university\torganization\tpattern".to_owned(),
            "a\t56\t60\tMFDS\torg:mfds\torganization\tdictionary".to_owned(),
            "a\t62\t87\tHanbit Medical University\torg:x-hanbit-medical-university\torganization\tpattern".to_owned(),
            format!("b\t0\t4\t한빛병원\t{hospital}\torganization\tpattern"),
            format!("b\t6\t9\t김하늘\t{kim}\tperson\tpattern"),
        ]
    );
    let entities = lines(&out.join("entities"), &["entity_id", "canonical", "name_ko", "origin"]);
    let pattern_entities: Vec<&String> = entities.iter().filter(|e| e.contains(":x-")).collect();
    assert_eq!(
        pattern_entities,
        [
            "person:x-mina-seo\tMina Seo\tnull\tpattern",
            "org:x-hanbit-medical-university\tHanbit Medical University\tnull\tpattern",
            &format!("{hospital}\t한빛병원\t한빛병원\tpattern"),
            &format!("{kim}\t김하늘\t김하늘\tpattern"),
        ]
    );
}
