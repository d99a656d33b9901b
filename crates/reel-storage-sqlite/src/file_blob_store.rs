//! `BlobStore` on a local directory, durable on return.

use std::io::Write;
use std::path::{Component, Path, PathBuf};

use async_trait::async_trait;
use bytes::Bytes;
use reel_storage::{BlobStore, StorageError, StorageErrorKind, StorageResult};

use crate::error::{io_error, task_error};

/// Stores each blob as one file below `root`, named by its key.
#[derive(Debug, Clone)]
pub struct FileBlobStore {
    root: PathBuf,
}

impl FileBlobStore {
    pub fn open(root: &Path) -> StorageResult<Self> {
        std::fs::create_dir_all(root).map_err(|error| io_error("create blob directory", error))?;
        Ok(Self { root: root.to_path_buf() })
    }

    fn path_for(&self, key: &str) -> StorageResult<PathBuf> {
        let relative = Path::new(key);
        let is_plain = relative.components().all(|component| matches!(component, Component::Normal(_)));
        if key.is_empty() || !is_plain {
            return Err(StorageError::new(StorageErrorKind::Internal, format!("invalid blob key {key:?}")));
        }
        Ok(self.root.join(relative))
    }
}

fn write_durably(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let directory = path.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(directory)?;
    let temporary_path = path.with_extension(format!("tmp-{}", std::process::id()));
    let mut file = std::fs::File::create(&temporary_path)?;
    file.write_all(bytes)?;
    file.sync_all()?;
    std::fs::rename(&temporary_path, path)?;
    std::fs::File::open(directory)?.sync_all()
}

#[async_trait]
impl BlobStore for FileBlobStore {
    async fn put_blob(&self, key: &str, bytes: Bytes) -> StorageResult<()> {
        let path = self.path_for(key)?;
        tokio::task::spawn_blocking(move || write_durably(&path, &bytes))
            .await
            .map_err(task_error)?
            .map_err(|error| io_error("write blob", error))
    }

    async fn get_blob(&self, key: &str) -> StorageResult<Bytes> {
        let path = self.path_for(key)?;
        match tokio::fs::read(&path).await {
            Ok(bytes) => Ok(Bytes::from(bytes)),
            Err(error) => Err(io_error(&format!("read blob {key}"), error)),
        }
    }

    async fn delete_blob(&self, key: &str) -> StorageResult<()> {
        let path = self.path_for(key)?;
        match tokio::fs::remove_file(&path).await {
            Ok(()) => Ok(()),
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => Ok(()),
            Err(error) => Err(io_error(&format!("delete blob {key}"), error)),
        }
    }
}
