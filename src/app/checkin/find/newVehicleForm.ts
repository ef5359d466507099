import { z } from 'zod';
import { parseMobile } from '../../../domain/phone';
import { parsePlate } from '../../../domain/plate';
import { parseVin } from '../../../domain/vin';

/*
 * The form that registers a customer and a vehicle at the car. Each identifier is normalized
 * by the domain parser (full-width characters, lower case, spaces and middle dots), and a
 * rejected one reports the parser's code, which the form shows as `validation.<code>`.
 */

function parsed<T>(parse: (input: string) => { ok: true } & T | { ok: false; error: string }, pick: (result: T) => string) {
  return z.string().transform((value, context) => {
    const result = parse(value);
    if (!result.ok) {
      context.addIssue({ code: 'custom', message: result.error });
      return z.NEVER;
    }
    return pick(result as T);
  });
}

export const newVehicleFormSchema = z.object({
  customerName: z.string().trim().min(1, { message: 'customer_name_required' }).max(80),
  mobile: parsed<{ mobile: string }>(parseMobile, (result) => result.mobile),
  plate: parsed<{ plate: string }>(parsePlate, (result) => result.plate),
  vin: parsed<{ vin: string }>(parseVin, (result) => result.vin),
  make: z.string().trim().min(1, { message: 'make_required' }).max(40),
  model: z.string().trim().min(1, { message: 'model_required' }).max(80),
  color: z.string().trim().max(40),
});

/** Raw text the advisor types. */
export type NewVehicleFormInput = z.input<typeof newVehicleFormSchema>;
/** The normalized values the form submits. */
export type NewVehicleFormValues = z.output<typeof newVehicleFormSchema>;

export const EMPTY_NEW_VEHICLE_FORM: NewVehicleFormInput = {
  customerName: '',
  mobile: '',
  plate: '',
  vin: '',
  make: '',
  model: '',
  color: '',
};
