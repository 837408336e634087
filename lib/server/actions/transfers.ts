import { revalidatePath } from "next/cache";
import {
  createTransferRequest,
  decideTransferRequest,
  previewTransferRules,
  revokeApproval,
  submitTransferRequest,
  updateTransferRequest,
  type Requester,
} from "@/db/queries/transfer-requests";
import type { SessionUser } from "@/lib/auth/session-user";
import { businessDate } from "@/lib/transfers/constants";
import {
  createTransferRequestAction,
  decideTransferRequestInput,
  revokeApprovalInput,
  submitTransferRequestInput,
  transferPreviewInput,
  updateTransferRequestInput,
} from "@/lib/validation/transfer-request";
import { defineAction } from "./define";

const requesterOf = (user: SessionUser): Requester => ({ userId: user.id, tokenId: null, label: user.email });

const revalidateTransfers = (id?: string) => {
  revalidatePath("/transfers");
  if (id) revalidatePath(`/transfers/${id}`);
};

export const createTransferRequestDef = defineAction({
  name: "transfers.create",
  permission: "transfers.request",
  schema: createTransferRequestAction,
  async handler({ data, submit }, user) {
    const result = await createTransferRequest(data, requesterOf(user), { submit });
    revalidateTransfers();
    return { id: result.id, number: result.number, status: result.status };
  },
});

export const updateTransferRequestDef = defineAction({
  name: "transfers.update",
  permission: "transfers.request",
  schema: updateTransferRequestInput,
  async handler({ id, expectedVersion, data, submit }, user) {
    const result = await updateTransferRequest(id, expectedVersion, data, requesterOf(user), { submit });
    revalidateTransfers(id);
    return { id: result.id, status: result.status, version: result.version };
  },
});

export const submitTransferRequestDef = defineAction({
  name: "transfers.submit",
  permission: "transfers.request",
  schema: submitTransferRequestInput,
  async handler({ id, expectedVersion }, user) {
    const result = await submitTransferRequest(id, expectedVersion, requesterOf(user));
    revalidateTransfers(id);
    return { id: result.id, status: result.status, version: result.version };
  },
});

/** The form's live check: evaluates the draft as typed, writes nothing. */
export const previewTransferRulesDef = defineAction({
  name: "transfers.preview",
  permission: "transfers.request",
  schema: transferPreviewInput,
  async handler(input) {
    const today = businessDate();
    const start = input.periodStart ?? today;
    const end = input.mode === "recurring" && input.periodEnd ? input.periodEnd : start;
    const { evaluation } = await previewTransferRules(
      {
        recipientId: input.recipientId,
        purposeCodes: input.purposeCodes,
        dataItems: input.dataItems,
        actions: input.actions,
        populations: input.populations,
        mode: input.mode,
        period: { start, end },
        crossBorderGround: input.crossBorderGround,
        depersonalised: input.depersonalised,
      },
      today,
    );
    return evaluation;
  },
});

export const decideTransferRequestDef = defineAction({
  name: "transfers.decide",
  permission: "transfers.decide",
  schema: decideTransferRequestInput,
  async handler(input, user) {
    const result = await decideTransferRequest(input, { id: user.id, email: user.email });
    revalidateTransfers(input.id);
    return { id: result.id, status: result.status, version: result.version };
  },
});

export const revokeApprovalDef = defineAction({
  name: "transfers.revoke",
  permission: "transfers.decide",
  schema: revokeApprovalInput,
  async handler(input, user) {
    const result = await revokeApproval(input, { id: user.id, email: user.email });
    revalidateTransfers(input.id);
    return { id: result.id, status: result.status, version: result.version };
  },
});
