/** The controller (operator) whose record of processing this is: the policy, section 1. */
export const CONTROLLER = {
  name: "QIWI Kazakhstan LLP",
  bin: "060640010247",
  address: "Kozybayev st. 212, Almaty 050059, Kazakhstan",
  email: "kzps@qiwi.com",
} as const;
