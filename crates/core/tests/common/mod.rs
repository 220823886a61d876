//! Test helpers shared by the integration tests that include this module (`mod common;`).

use prevent_core::store::{KvBackend, KvError, MemoryBackend};

/// Lends a `MemoryBackend` to a store, stamps included, so that the test can read the raw map
/// beside the store or open a second store (another tab) on the same storage.
pub struct Shared<'a>(pub &'a MemoryBackend);

impl KvBackend for Shared<'_> {
    fn get(&self, key: &str) -> Result<Option<String>, KvError> {
        self.0.get(key)
    }
    fn set(&self, key: &str, value: &str) -> Result<(), KvError> {
        self.0.set(key, value)
    }
    fn remove(&self, key: &str) -> Result<(), KvError> {
        self.0.remove(key)
    }
    fn keys(&self) -> Result<Vec<String>, KvError> {
        self.0.keys()
    }
    fn stamp(&self, key: &str) -> Result<Option<String>, KvError> {
        self.0.stamp(key)
    }
}
