// The input-error type lives with the model (the API's validation returns it too); the readers
// import it from here.
export { formatInputError, InvalidInputError, type InputError, type InputErrorCode, type Result } from "../model/errors.js";
