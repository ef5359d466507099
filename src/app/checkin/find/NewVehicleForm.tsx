import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm, type FieldError } from 'react-hook-form';
import { useDatabase } from '../../data/DatabaseContext';
import { fieldErrorText } from '../../forms/fieldError';
import { useI18n, type MessageKey } from '../../i18n/i18n';
import { EMPTY_NEW_VEHICLE_FORM, newVehicleFormSchema, type NewVehicleFormInput, type NewVehicleFormValues } from './newVehicleForm';
import { findCustomerByMobile, findVehicleByPlate, registerVehicle, type Advisor } from './startCheckin';
import type { Vehicle } from '../../../domain/schemas/vehicle';
import { formatPlate } from '../../../domain/plate';

type FieldName = keyof NewVehicleFormInput;

interface FieldSpec {
  name: FieldName;
  label: MessageKey;
  placeholder?: MessageKey;
  inputMode?: 'text' | 'tel';
  autoCapitalize?: 'characters';
  maxLength: number;
}

const CUSTOMER_FIELDS: FieldSpec[] = [
  { name: 'customerName', label: 'checkin.label.customerName', maxLength: 80 },
  { name: 'mobile', label: 'checkin.label.mobile', inputMode: 'tel', maxLength: 20 },
];

const VEHICLE_FIELDS: FieldSpec[] = [
  { name: 'plate', label: 'checkin.label.plate', placeholder: 'checkin.placeholder.plate', autoCapitalize: 'characters', maxLength: 16 },
  { name: 'vin', label: 'checkin.label.vin', placeholder: 'checkin.placeholder.vin', autoCapitalize: 'characters', maxLength: 24 },
  { name: 'make', label: 'checkin.label.make', placeholder: 'checkin.placeholder.make', maxLength: 40 },
  { name: 'model', label: 'checkin.label.model', placeholder: 'checkin.placeholder.model', maxLength: 80 },
  { name: 'color', label: 'checkin.label.color', maxLength: 40 },
];

interface NewVehicleFormProps {
  advisor: Advisor;
  onRegistered: (vehicle: Vehicle) => void;
}

/**
 * Registers a new customer and vehicle. Inputs are uncontrolled (react-hook-form `register`),
 * so Chinese typed through an input method arrives exactly as chosen; values are normalized
 * only when the form is submitted.
 */
export function NewVehicleForm({ advisor, onRegistered }: NewVehicleFormProps) {
  const { t } = useI18n();
  const database = useDatabase();
  const [existingCustomer, setExistingCustomer] = useState<string | null>(null);
  const [saveError, setSaveError] = useState<string | null>(null);
  const form = useForm<NewVehicleFormInput, unknown, NewVehicleFormValues>({
    resolver: zodResolver(newVehicleFormSchema),
    defaultValues: EMPTY_NEW_VEHICLE_FORM,
    mode: 'onTouched',
  });
  const { errors, isSubmitting } = form.formState;

  const checkMobile = async (text: string) => {
    const parsed = newVehicleFormSchema.shape.mobile.safeParse(text);
    const customer = parsed.success ? await findCustomerByMobile(database, parsed.data) : null;
    setExistingCustomer(customer ? customer.name : null);
  };

  const submit = form.handleSubmit(async (values) => {
    setSaveError(null);
    const duplicate = await findVehicleByPlate(database, values.plate);
    if (duplicate) {
      form.setError('plate', { type: 'duplicate', message: t('checkin.new.plateExists', { plate: formatPlate(values.plate) }) });
      return;
    }
    try {
      const { vehicle } = await registerVehicle(database, advisor, values);
      onRegistered(vehicle);
    } catch (error) {
      console.warn('NewVehicleForm: registering the vehicle failed', error);
      setSaveError(t('checkin.new.saveFailed', { message: error instanceof Error ? error.message : String(error) }));
    }
  });

  const errorText = (name: FieldName, error: FieldError) =>
    error.type === 'duplicate' && error.message ? error.message : fieldErrorText(t, name, error);

  const renderField = (spec: FieldSpec) => {
    const error = errors[spec.name];
    const registration = form.register(spec.name, spec.name === 'mobile' ? { onBlur: (event) => void checkMobile(event.target.value) } : undefined);
    return (
      <div className="field" key={spec.name}>
        <label className="field__label" htmlFor={`ck-new-${spec.name}`}>{t(spec.label)}</label>
        <input
          id={`ck-new-${spec.name}`}
          className="field__input"
          type="text"
          autoComplete="off"
          inputMode={spec.inputMode}
          autoCapitalize={spec.autoCapitalize}
          maxLength={spec.maxLength}
          placeholder={spec.placeholder ? t(spec.placeholder) : undefined}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `ck-new-${spec.name}-error` : undefined}
          {...registration}
        />
        {error && <span id={`ck-new-${spec.name}-error`} className="field__error" role="alert">{errorText(spec.name, error)}</span>}
        {spec.name === 'mobile' && existingCustomer !== null && (
          <span className="field__hint">{t('checkin.new.existingCustomer', { name: existingCustomer })}</span>
        )}
      </div>
    );
  };

  return (
    <form className="ck-card ck-new-form" onSubmit={(event) => void submit(event)} noValidate>
      <h2 className="ck-card__title">{t('checkin.new.createTitle')}</h2>
      <fieldset className="ck-fieldset">
        <legend>{t('checkin.new.customerSection')}</legend>
        <div className="ck-grid">{CUSTOMER_FIELDS.map(renderField)}</div>
      </fieldset>
      <fieldset className="ck-fieldset">
        <legend>{t('checkin.new.vehicleSection')}</legend>
        <div className="ck-grid">{VEHICLE_FIELDS.map(renderField)}</div>
      </fieldset>
      {saveError && <p className="field__error" role="alert">{saveError}</p>}
      <button type="submit" className="button button--primary button--large" disabled={isSubmitting}>
        {isSubmitting ? t('checkin.new.starting') : t('checkin.new.createAndStart')}
      </button>
    </form>
  );
}
