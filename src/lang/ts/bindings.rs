//! What a name is bound to ([`Binding`]), and the values bindings carry: the class a
//! variable holds an instance of, and the entries of the handler maps and name lists
//! that loops walk (read by `maps.rs`).

use crate::facts::FuncId;
use crate::facts::{self, SocketRef, Value};

#[derive(Clone, Debug)]
pub(super) enum Binding {
    Value(Value),
    Socket(SocketRef),
    Func(FuncId),
    Import {
        specifier: String,
        name: String,
    },
    /// `let socket;` assigned somewhere else: see `Extractor::assigned`.
    Unknown,
    /// An array of sockets (`[io(a), io(b)]`, `Socket[]`, one that sockets are pushed
    /// into): not a socket itself, but each element (`sockets[0]`, `for (const s of
    /// sockets)`) is this socket.
    Sockets(SocketRef),
    /// A value whose origin is known and is not Socket.IO (`new WebSocket(url)`, a `net`
    /// socket, a database client, a cluster worker, an `EventEmitter`): never a socket,
    /// whatever its name.
    Foreign,
    /// A value known to be no function (see `data.rs`): a number, a string, an object
    /// or array written here, a value typed as data. Nothing else is known of it.
    Data,
    /// A loop variable over a handler map or a list of names (see `maps.rs`).
    Entries(Entries),
    /// A Tauri window, webview or webview-window (`getCurrentWebviewWindow()`, `new
    /// WebviewWindow("x", ..)`): its `listen` registers with this target (see
    /// `tauri.rs`). Never a Socket.IO socket.
    TauriWindow(crate::transport::tauri::Target<Value>),
}

/// The class a variable holds an instance of.
#[derive(Clone, Debug)]
pub(super) enum InstanceOf {
    /// Imported from a project file: the specifier and the imported name.
    Imported(String, String),
    /// Declared in this file, by name.
    Local(String),
}

/// One entry of a map or list: the event name it stands for, and the function a
/// handler map gives it.
#[derive(Clone, Debug)]
pub(super) struct MapEntry {
    pub(super) key: Name,
    /// The entry's value when it is an event name (`{ save: "item:save" }`).
    pub(super) value: Option<Name>,
    /// The entry's value when it is a function of this file, by name.
    pub(super) handler: Option<String>,
}

/// An event name as written: its value, where it is, and whether it is a string
/// literal there (a rename may edit it).
#[derive(Clone, Debug)]
pub(super) struct Name {
    pub(super) value: Value,
    pub(super) span: facts::Span,
    pub(super) literal: bool,
}

/// Which part of each entry a loop variable holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Part {
    Key,
    Value,
}

/// A loop variable over a map's keys or values, or a list's names.
#[derive(Clone, Debug)]
pub(super) struct Entries {
    pub(super) entries: Vec<MapEntry>,
    pub(super) part: Part,
    /// A map imported from another file (specifier, name): its entries are there, and
    /// linking expands the sites over it.
    pub(super) imported: Option<Imported>,
}

/// A map imported from a project file: the specifier and the imported name.
pub(super) type Imported = (String, String);

/// What a loop walks: the entries of a map or list written in this file, or a map
/// imported from another (no entries here), and how.
pub(super) type Walked = (Vec<MapEntry>, Walk, Option<Imported>);

impl Entries {
    /// Whether the loop variable is a function: keys are names; values are names or
    /// functions of the file, when every entry says which.
    pub(super) fn is_function(&self) -> Option<bool> {
        match self.part {
            Part::Key => Some(false),
            // The other file's values are not known here.
            Part::Value if self.imported.is_some() => None,
            Part::Value if self.entries.iter().all(|e| e.value.is_some()) => Some(false),
            Part::Value => None,
        }
    }
}

/// What a loop walks: `Object.keys(m)`, `Object.values(m)`, `Object.entries(m)`, or the
/// elements of a list.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Walk {
    Keys,
    Values,
    Entries,
}
