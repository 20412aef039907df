//! Helpers shared by the integration tests. Each test file uses some of them.
#![allow(dead_code)]

use assert_cmd::Command;
use std::path::{Path, PathBuf};

/// The geokg binary on database `db`, blind to the user's dictionary directory.
pub fn geokg(db: &Path) -> Command {
    let mut cmd = Command::cargo_bin("geokg").unwrap();
    cmd.env("GEOKG_DB", db)
        .env("GEOKG_DICT_DIR", "/nonexistent-geokg-dict-dir")
        .env_remove("XDG_CONFIG_HOME");
    cmd
}

/// A path in the repository.
pub fn repo(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(path)
}

/// The standard output of `cmd`, which must succeed (else its standard error is the failure).
pub fn stdout_of(cmd: &mut Command) -> String {
    let out = cmd.output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// The rows of `sql` run on `db`, as CSV lines without the header.
pub fn query_rows(db: &Path, sql: &str) -> Vec<String> {
    stdout_of(geokg(db).args(["query", "--format", "csv", sql]))
        .lines()
        .skip(1)
        .map(String::from)
        .collect()
}
