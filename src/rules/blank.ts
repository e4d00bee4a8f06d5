/** How the rules compare hubs, localities and trusts (a blank equals nothing): stated in the model, beside the accounts that need it too. */
export { sameValue, valueKey } from "../model/values.js";
