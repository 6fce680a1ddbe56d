// fires: the raw packet reader is a client of "/admin": it does not receive "welcome", which the server sends to "/", where the client only handles "status"
use crate::{ClientBuilder, Packet, Payload, Result};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn admins_get_raw_packets() -> Result<()> {
        let admin = ClientBuilder::new("http://localhost:4200")
            .namespace("/admin")
            .connect_raw()?;
        let packet: Option<Packet> = admin.iter().next().map(|p| p.unwrap());
        assert!(packet.is_some());
        Ok(())
    }

    #[test]
    fn users_get_their_status() -> Result<()> {
        let _user = ClientBuilder::new("http://localhost:4200")
            .on("status", |payload, _| {
                if let Payload::Text(values) = payload {
                    println!("status: {values:?}");
                }
            })
            .connect()?;
        Ok(())
    }
}
