// fires: unclosed <li> JSX tag, a real syntax error; the rest of the project is still checked
export function MemberList({ members }: { members: string[] }) {
  return (
    <ul className="members">
      {members.map((m) => (
        <li key={m}>
          <span className="avatar">{m.slice(0, 1)}</span>
          {m}
      ))}
    </ul>
  );
}
