//! The migrations, applied in order, give exactly schema.sql; the demo data
//! loads on it and loading it twice changes nothing.

use std::fs;

use super::support::{DEMO, SCHEMA};

fn schema_of(conn: &rusqlite::Connection) -> Vec<(String, String, String)> {
    let mut stmt = conn
        .prepare(
            "SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY type, name",
        )
        .unwrap();
    let normalize = |sql: String| sql.split_whitespace().collect::<Vec<_>>().join(" ");
    stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, normalize(r.get(2)?))))
        .unwrap()
        .map(Result::unwrap)
        .collect()
}

#[test]
fn migrations_in_order_give_schema_sql() {
    let mut files: Vec<_> = fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/migrations"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "sql"))
        .collect();
    files.sort();
    assert!(!files.is_empty());
    let migrated = rusqlite::Connection::open_in_memory().unwrap();
    for f in &files {
        migrated
            .execute_batch(&fs::read_to_string(f).unwrap())
            .unwrap();
    }
    let fresh = rusqlite::Connection::open_in_memory().unwrap();
    fresh.execute_batch(SCHEMA).unwrap();
    assert_eq!(schema_of(&migrated), schema_of(&fresh));
}

#[test]
fn demo_data_is_idempotent_and_large_enough() {
    let conn = rusqlite::Connection::open_in_memory().unwrap();
    conn.execute_batch(SCHEMA).unwrap();
    conn.execute_batch(DEMO).unwrap();
    let count = |sql: &str| conn.query_row(sql, [], |r| r.get::<_, i64>(0)).unwrap();
    let tables = ["organizations", "dev_idp_persons", "users", "positions"];
    let before: Vec<i64> = tables
        .iter()
        .map(|t| count(&format!("SELECT COUNT(*) FROM {t}")))
        .collect();
    conn.execute_batch(DEMO).unwrap();
    let after: Vec<i64> = tables
        .iter()
        .map(|t| count(&format!("SELECT COUNT(*) FROM {t}")))
        .collect();
    assert_eq!(before, after);
    assert!(before[0] >= 10, "at least 10 organizations");
    assert!(count("SELECT COUNT(*) FROM organizations WHERE kind = 'school'") >= 3);
    assert!(count("SELECT COUNT(*) FROM organizations WHERE kind = 'kindergarten'") >= 3);
    assert!(count("SELECT COUNT(DISTINCT district) FROM organizations") >= 2);
}
