use super::violated;
use crate::StorageResult;
use bytes::Bytes;

use crate::{BlobStore, StorageErrorKind};

/// Objects are written whole, read back identical, and deleted.
pub async fn check_blob_store(store: &dyn BlobStore) -> StorageResult<()> {
    let key = "projects/1/sessions/abc/segments/0-3.zst";
    let missing = store.get_blob(key).await.err().ok_or_else(|| violated("an error was expected"))?;
    assert_eq!(missing.kind, StorageErrorKind::NotFound);
    let payload = Bytes::from(vec![7_u8; 100_000]);
    store.put_blob(key, payload.clone()).await?;
    assert_eq!(store.get_blob(key).await?, payload);
    store.put_blob(key, Bytes::from_static(b"replaced")).await?;
    assert_eq!(store.get_blob(key).await?, Bytes::from_static(b"replaced"));
    store.delete_blob(key).await?;
    assert_eq!(
        store.get_blob(key).await.err().ok_or_else(|| violated("an error was expected"))?.kind,
        StorageErrorKind::NotFound
    );
    Ok(())
}
