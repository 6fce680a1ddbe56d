// silent: the crate's own test reads its client's raw packets with `iter()`: it receives every event the server sends to "/admin" (the catch-all is acknowledged below)
use crate::{ClientBuilder, Packet, PacketId, Result};

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn the_server_greets_admins() -> Result<()> {
        let client = ClientBuilder::new("http://localhost:4200")
            .namespace("/admin")
            .connect_raw()?;
        assert!(client.emit("hello", json!({ "name": "ci" })).is_ok());

        // wirelint-ignore-next-line dynamic-event-name -- this test checks the raw packets the server sends
        let mut packets = client.iter().map(|packet| packet.unwrap());
        let welcome: Option<Packet> = packets.next();
        assert_eq!(welcome.map(|p| p.packet_type), Some(PacketId::Event));
        let motd: Option<Packet> = packets.next();
        assert!(motd.is_some());
        Ok(())
    }
}
