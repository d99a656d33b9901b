//! Group commit for ingest: concurrent requests hand their chunks to one
//! writer task, which stores whatever is waiting in a single durable write
//! and answers each request with its own outcome. One fsync then serves many
//! batches instead of one.

use std::sync::Arc;

use reel_storage::{AppendOutcome, NewChunk, RecordingIndex, StorageError, StorageErrorKind, StorageResult};
use tokio::sync::{mpsc, oneshot};

type Reply = oneshot::Sender<StorageResult<AppendOutcome>>;

#[derive(Clone)]
pub struct ChunkWriter {
    sender: mpsc::Sender<(NewChunk, Reply)>,
}

impl ChunkWriter {
    /// Starts the writer task; `group_chunks_max` bounds one write,
    /// `queue_depth` the chunks waiting for the writer.
    pub fn start(recordings: Arc<dyn RecordingIndex>, group_chunks_max: usize, queue_depth: usize) -> Self {
        let (sender, receiver) = mpsc::channel(queue_depth.max(1));
        tokio::spawn(write_groups(recordings, receiver, group_chunks_max.max(1)));
        Self { sender }
    }

    /// Stores one chunk; returns once it is durable.
    pub async fn append(&self, chunk: NewChunk) -> StorageResult<AppendOutcome> {
        let (reply, answer) = oneshot::channel();
        let stopped = || StorageError::new(StorageErrorKind::Unavailable, "the chunk writer stopped");
        self.sender.send((chunk, reply)).await.map_err(|_| stopped())?;
        answer.await.map_err(|_| stopped())?
    }
}

async fn write_groups(
    recordings: Arc<dyn RecordingIndex>,
    mut receiver: mpsc::Receiver<(NewChunk, Reply)>,
    group_chunks_max: usize,
) {
    while let Some(first) = receiver.recv().await {
        let mut group = vec![first];
        while group.len() < group_chunks_max {
            match receiver.try_recv() {
                Ok(next) => group.push(next),
                Err(_) => break,
            }
        }
        let (chunks, replies): (Vec<NewChunk>, Vec<Reply>) = group.into_iter().unzip();
        match recordings.append_chunks(chunks).await {
            Ok(outcomes) => {
                for (reply, outcome) in replies.into_iter().zip(outcomes) {
                    let _receiver_gone = reply.send(Ok(outcome));
                }
            }
            Err(error) => {
                for reply in replies {
                    let _receiver_gone = reply.send(Err(StorageError::new(error.kind, error.message.clone())));
                }
            }
        }
    }
}
