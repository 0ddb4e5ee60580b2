"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTRPC } from "@/app/_lib/trpc";
import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/routers/_app";
import { roleLabels, roles, type RoleName } from "@/server/auth/roles";
import { Alert } from "../ui/alert";
import { Button } from "../ui/button";

type Users = inferRouterOutputs<AppRouter>["user"]["list"];

export function UserTable({ currentUserId, initialUsers }: { currentUserId: string; initialUsers: Users }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const users = useQuery({ ...trpc.user.list.queryOptions(), initialData: initialUsers });
  const router = useRouter();
  // the audit log below is server-rendered: refresh it together with the list
  const refresh = () => {
    router.refresh();
    return queryClient.invalidateQueries({ queryKey: trpc.user.list.queryKey() });
  };
  const setRole = useMutation(trpc.user.setRole.mutationOptions({ onSettled: () => void refresh() }));
  const setActive = useMutation(trpc.user.setActive.mutationOptions({ onSettled: () => void refresh() }));
  const error = setRole.error ?? setActive.error;

  return (
    <section aria-labelledby="zugaenge" className="space-y-4">
      <h2 id="zugaenge" className="text-xl font-semibold">
        Zugänge
      </h2>
      {error && <Alert tone="error">{error.message}</Alert>}
      {users.data && (
        <div role="region" aria-label="Zugänge (seitlich scrollbar)" tabIndex={0} className="relative overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Zugänge der Plattform</caption>
            <thead className="bg-slate-100">
              <tr>
                <th scope="col" className="p-3">Name</th>
                <th scope="col" className="p-3">Organisation</th>
                <th scope="col" className="p-3">Rolle</th>
                <th scope="col" className="p-3">Status</th>
                <th scope="col" className="p-3"><span className="sr-only">Aktionen</span></th>
              </tr>
            </thead>
            <tbody>
              {users.data.map((user) => {
                const isSelf = user.id === currentUserId;
                return (
                  <tr key={user.id} className="border-t border-slate-200">
                    <td className="p-3">
                      <div className="cell-text">
                        <span className="font-semibold">{user.name}</span>
                        <span className="block text-slate-600">{user.email}</span>
                      </div>
                    </td>
                    <td className="p-3">
                      <div className="cell-text">{user.organisation}</div>
                    </td>
                    <td className="p-3">
                      {isSelf ? (
                        roleLabels[user.role]
                      ) : (
                        <select
                          aria-label={`Rolle von ${user.name}`}
                          value={user.role}
                          disabled={setRole.isPending}
                          onChange={(event) => setRole.mutate({ userId: user.id, role: event.target.value as RoleName })}
                          className="rounded-md border border-slate-400 bg-white px-2 py-1.5"
                        >
                          {roles.map((role) => (
                            <option key={role} value={role}>
                              {roleLabels[role]}
                            </option>
                          ))}
                        </select>
                      )}
                    </td>
                    <td className="p-3">{user.deactivatedAt ? "deaktiviert" : "aktiv"}</td>
                    <td className="p-3 text-right">
                      {!isSelf && (
                        <Button
                          variant={user.deactivatedAt ? "secondary" : "danger"}
                          disabled={setActive.isPending}
                          onClick={() => setActive.mutate({ userId: user.id, isActive: !!user.deactivatedAt })}
                        >
                          {user.deactivatedAt ? "Reaktivieren" : "Deaktivieren"}
                          <span className="sr-only"> ({user.name})</span>
                        </Button>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
