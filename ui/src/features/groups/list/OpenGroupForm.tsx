// "Open group by id": works whether or not the list loaded — some Kafka-protocol brokers
// cannot list or describe groups, yet a group's committed offsets and lag still read fine.
import { useId, useState, type SubmitEvent } from "react";

export function OpenGroupForm({ onOpen }: { onOpen: (groupId: string) => void }) {
  const inputId = useId();
  const [groupId, setGroupId] = useState("");
  const trimmed = groupId.trim();
  const onSubmit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (trimmed !== "") onOpen(trimmed);
  };
  return (
    <form className="open-group" aria-label="Open group by id" onSubmit={onSubmit}>
      <label className="visually-hidden" htmlFor={inputId}>
        Group id
      </label>
      <input
        id={inputId}
        type="text"
        className="search-input open-group__input"
        placeholder="Open group by id"
        autoComplete="off"
        spellCheck={false}
        data-testid="group-id-input"
        value={groupId}
        onChange={(event) => {
          setGroupId(event.target.value);
        }}
      />
      <button type="submit" className="button" data-testid="open-group" disabled={trimmed === ""}>
        Open
      </button>
    </form>
  );
}
