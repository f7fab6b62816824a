import { describeFieldToPeople } from "../shared/field-name";

/** "order_id" → "order number", "deliveryDate" → "delivery date": a field as the agent reads it in a handoff cause. */
export const describeFieldForAgent = describeFieldToPeople;
