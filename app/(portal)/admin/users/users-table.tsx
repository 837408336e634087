"use client";
import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { toast } from "sonner";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { NativeSelect } from "@/components/ui/native-select";
import { Checkbox } from "@/components/ui/checkbox";
import { Button } from "@/components/ui/button";
import { ROLES, type Role } from "@/lib/auth/permissions";
import { updateUserAction } from "./actions";

type UserRow = { id: string; email: string; name: string; role: Role; active: boolean; version: number };

function UserRowEditor({ user }: { user: UserRow }) {
  const t = useTranslations();
  const router = useRouter();
  const [role, setRole] = useState<Role>(user.role);
  const [active, setActive] = useState(user.active);
  const [pending, start] = useTransition();
  const dirty = role !== user.role || active !== user.active;
  return (
    <TableRow>
      <TableCell className="font-medium">{user.name}</TableCell>
      <TableCell>{user.email}</TableCell>
      <TableCell>
        <NativeSelect aria-label={t("users.roleOf", { email: user.email })} value={role} onChange={(e) => setRole(e.target.value as Role)} className="w-44">
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {t(`roles.${r}`)}
            </option>
          ))}
        </NativeSelect>
      </TableCell>
      <TableCell>
        <Checkbox checked={active} onCheckedChange={(v) => setActive(v === true)} aria-label={t("users.activeOf", { email: user.email })} />
      </TableCell>
      <TableCell>
        <Button
          size="sm"
          variant="outline"
          disabled={!dirty || pending}
          onClick={() =>
            start(async () => {
              const result = await updateUserAction({ id: user.id, expectedVersion: user.version, name: user.name, role, active });
              if (result.ok) {
                toast.success(t("users.saved"));
                router.refresh();
              } else toast.error(t(`errors.${result.error === "invalid" ? (Object.values(result.fieldErrors ?? {})[0] ?? "invalid") : result.error}` as never));
            })
          }
        >
          {t("users.save")}
        </Button>
      </TableCell>
    </TableRow>
  );
}

export function UsersTable({ users }: { users: UserRow[] }) {
  const t = useTranslations("users");
  return (
    <div className="rounded-lg border">
      <Table aria-label={t("title")}>
        <TableHeader>
          <TableRow>
            <TableHead>{t("name")}</TableHead>
            <TableHead>{t("email")}</TableHead>
            <TableHead>{t("role")}</TableHead>
            <TableHead>{t("active")}</TableHead>
            <TableHead>
              <span className="sr-only">{t("save")}</span>
            </TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {users.map((u) => (
            <UserRowEditor key={`${u.id}-${u.version}`} user={u} />
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
