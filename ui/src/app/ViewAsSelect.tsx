// The top bar's role picker: the role commands run under, and the roles the user may
// view the app as instead (the granted role and those below it).
import type { Role } from "../bindings/Role";
import { useGrantedRole } from "./appInfo";
import { ROLE_LABELS, rolesUpTo } from "./roles";
import { useViewAs } from "./viewAs";

export function ViewAsSelect({ role }: { role: Role }) {
  const granted = useGrantedRole();
  const switchRole = useViewAs();
  const choices = rolesUpTo(granted ?? role);
  // While the switch is pending the select already shows the chosen role.
  const shown = switchRole.isPending ? switchRole.variables : role;
  return (
    <select
      className="role-select"
      data-testid="view-as"
      aria-label="View as role"
      value={shown}
      disabled={switchRole.isPending || granted === undefined}
      onChange={(event) => {
        const next = choices.find((choice) => choice === event.target.value);
        if (next !== undefined && next !== role) switchRole.mutate(next);
      }}
    >
      {choices.map((choice) => (
        <option key={choice} value={choice}>
          {ROLE_LABELS[choice]}
        </option>
      ))}
    </select>
  );
}
