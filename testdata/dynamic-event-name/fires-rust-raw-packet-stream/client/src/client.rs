// fires: the test reads the async client's packet stream: a catch-all of "/jobs", so "job:done" and "job:failed" count as received, and the stream is reported
use crate::asynchronous::ClientBuilder;
use crate::{Packet, Result};

#[cfg(test)]
mod tests {
    use super::*;
    use futures_util::StreamExt;
    use serde_json::json;

    #[tokio::test]
    async fn a_job_reports_its_end() -> Result<()> {
        let client = ClientBuilder::new("http://localhost:4300")
            .namespace("/jobs")
            .connect_manual()
            .await?;
        assert!(client.emit("job:start", json!({ "id": 7 })).await.is_ok());
        let mut packets = client.as_stream().await;
        let end: Option<Packet> = Some(packets.next().await.unwrap()?);
        assert!(end.is_some());
        Ok(())
    }
}
