import { revalidatePath } from "next/cache";
import {
  cancelSubjectRequest,
  closeSubjectRequest,
  extendSubjectRequest,
  previewSubjectAnswer,
  recordSubjectRequest,
  startSubjectRequest,
} from "@/db/queries/subject-requests";
import { actorOf } from "@/lib/server/auth/actor";
import { businessDate } from "@/lib/transfers/constants";
import {
  cancelSubjectRequestInput,
  closeSubjectRequestInput,
  extendSubjectRequestInput,
  previewSubjectAnswerInput,
  recordSubjectRequestInput,
  startSubjectRequestInput,
} from "@/lib/validation/subject-request";
import { defineAction } from "./define";

const revalidateRequests = (id?: string) => {
  revalidatePath("/subject-requests");
  revalidatePath("/");
  if (id) revalidatePath(`/subject-requests/${id}`);
};

/** A DPO or a support agent records a request as it arrived. */
export const recordSubjectRequestDef = defineAction({
  name: "subjects.record",
  permission: "subjects.manage",
  schema: recordSubjectRequestInput,
  async handler(input, user) {
    const result = await recordSubjectRequest(input, actorOf(user));
    revalidateRequests();
    return result;
  },
});

export const startSubjectRequestDef = defineAction({
  name: "subjects.start",
  permission: "subjects.manage",
  schema: startSubjectRequestInput,
  async handler({ id, expectedVersion }, user) {
    const result = await startSubjectRequest(id, expectedVersion, actorOf(user));
    revalidateRequests(id);
    return result;
  },
});

/** The subject withdrew the request: support may record that; nothing is decided. */
export const cancelSubjectRequestDef = defineAction({
  name: "subjects.cancel",
  permission: "subjects.manage",
  schema: cancelSubjectRequestInput,
  async handler({ id, expectedVersion, reason }, user) {
    const result = await cancelSubjectRequest(id, expectedVersion, reason, actorOf(user));
    revalidateRequests(id);
    return result;
  },
});

/** An extension is a reasoned notice to the subject (RU-152 art. 20): the DPO's decision. */
export const extendSubjectRequestDef = defineAction({
  name: "subjects.extend",
  permission: "subjects.decide",
  schema: extendSubjectRequestInput,
  async handler({ id, expectedVersion, notice }, user) {
    const result = await extendSubjectRequest(id, expectedVersion, notice, actorOf(user), businessDate());
    revalidateRequests(id);
    return result;
  },
});

/** The answer form's live template: fills it for the decision being drafted, writes nothing. */
export const previewSubjectAnswerDef = defineAction({
  name: "subjects.previewAnswer",
  permission: "subjects.decide",
  schema: previewSubjectAnswerInput,
  async handler(input) {
    return previewSubjectAnswer(input, businessDate());
  },
});

export const closeSubjectRequestDef = defineAction({
  name: "subjects.close",
  permission: "subjects.decide",
  schema: closeSubjectRequestInput,
  async handler(input, user) {
    const result = await closeSubjectRequest(input, actorOf(user), businessDate());
    revalidateRequests(input.id);
    return result;
  },
});
