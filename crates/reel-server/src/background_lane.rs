//! The background lane: dedicated threads, below the request threads in CPU
//! priority, that run the server's heavy background work (compressing
//! segments, building keyframes, running the detectors). Under load the
//! kernel gives the CPU to ingest first, so acknowledging a batch never waits
//! behind compression; when the machine is idle the lane runs at full speed.

use std::sync::mpsc;
use std::sync::{Arc, Mutex};

use thiserror::Error;

type Job = Box<dyn FnOnce() + Send + 'static>;

#[derive(Debug, Error)]
#[error("the background lane has stopped")]
pub struct LaneStopped;

impl From<LaneStopped> for reel_storage::StorageError {
    fn from(stopped: LaneStopped) -> Self {
        reel_storage::StorageError::new(reel_storage::StorageErrorKind::Unavailable, stopped.to_string())
    }
}

#[derive(Clone)]
pub struct BackgroundLane {
    sender: mpsc::Sender<Job>,
}

impl BackgroundLane {
    /// Starts `threads` threads (at least one) at `nice` (0 keeps the priority).
    pub fn start(threads: usize, nice: i32) -> std::io::Result<Self> {
        let (sender, receiver) = mpsc::channel::<Job>();
        let receiver = Arc::new(Mutex::new(receiver));
        for index in 0..threads.max(1) {
            let receiver = receiver.clone();
            std::thread::Builder::new().name(format!("reel-background-{index}")).spawn(move || {
                lower_own_priority(nice);
                run_jobs(&receiver);
            })?;
        }
        Ok(Self { sender })
    }

    /// Runs `job` on the lane and waits for its result without blocking the runtime.
    pub async fn run<T, F>(&self, job: F) -> Result<T, LaneStopped>
    where
        T: Send + 'static,
        F: FnOnce() -> T + Send + 'static,
    {
        let (result_sender, result_receiver) = tokio::sync::oneshot::channel();
        let boxed: Job = Box::new(move || {
            let _ = result_sender.send(job());
        });
        self.sender.send(boxed).map_err(|_| LaneStopped)?;
        result_receiver.await.map_err(|_| LaneStopped)
    }
}

fn run_jobs(receiver: &Mutex<mpsc::Receiver<Job>>) {
    loop {
        let next = match receiver.lock() {
            Ok(receiver) => receiver.recv(),
            Err(_) => return,
        };
        match next {
            Ok(job) => job(),
            Err(_) => return,
        }
    }
}

/// On Linux the nice value belongs to the calling thread alone.
fn lower_own_priority(nice: i32) {
    if nice <= 0 {
        return;
    }
    if let Err(error) = rustix::process::setpriority_process(None, nice.min(19)) {
        tracing::warn!(%error, "could not lower the background lane's priority; it runs at request priority");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn jobs_run_on_lowered_threads_and_return_their_results() {
        let lane = BackgroundLane::start(2, 7).unwrap();
        let (nice, thread_name) = lane
            .run(|| {
                let nice = rustix::process::getpriority_process(None).unwrap();
                (nice, std::thread::current().name().map(str::to_owned))
            })
            .await
            .unwrap();
        assert_eq!(nice, 7);
        assert!(thread_name.unwrap().starts_with("reel-background-"));
        for number in 0..20 {
            assert_eq!(lane.run(move || number * 2).await.unwrap(), number * 2);
        }
    }
}
