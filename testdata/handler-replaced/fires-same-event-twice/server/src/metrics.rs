use socketioxide::extract::SocketRef;

/// Counts connected sockets; registers no event handler.
pub fn count_messages(socket: &SocketRef) {
    tracing::info!(id = %socket.id, "socket counted");
}
