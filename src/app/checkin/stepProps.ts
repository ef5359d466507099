import type { Checkin } from '../../domain/schemas/checkin';

/** Props every step of the sheet receives from the editor. */
export interface StepProps {
  checkin: Checkin;
  update: (change: (checkin: Checkin) => Checkin) => void;
  /** True while the sheet is signed and the advisor has not chosen to change it. */
  locked: boolean;
  /** The vehicle's mileage at its previous visit, null when unknown. */
  lastMileageKm: number | null;
}
