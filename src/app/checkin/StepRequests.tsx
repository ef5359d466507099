import { useI18n } from '../i18n/i18n';
import { DraftText } from './DraftText';
import { textToLines } from './sheet';
import type { StepProps } from './stepProps';

// Limits of the check-in schema: 50 requests of 500 characters, 50 offers of 200.
const MAX_LINES = 50;
const MAX_REQUEST_LENGTH = 500;
const MAX_OFFER_LENGTH = 200;

function limitedLines(text: string, maxLength: number): string[] {
  return textToLines(text).slice(0, MAX_LINES).map((line) => line.slice(0, maxLength));
}

/** Step 3: the customer's requests word for word, and the extra products or services offered. */
export function StepRequests({ checkin, update, locked }: StepProps) {
  const { t } = useI18n();

  return (
    <div className="ck-step ck-requests">
      <section className="ck-card">
        <div className="field">
          <label className="field__label" htmlFor="ck-requests">{t('checkin.requests.title')}</label>
          <span className="field__hint" id="ck-requests-hint">{t('checkin.requests.hint')}</span>
          <DraftText
            id="ck-requests"
            multiline
            rows={6}
            value={checkin.customerRequests.join('\n')}
            onCommit={(text) => update((current) => ({ ...current, customerRequests: limitedLines(text, MAX_REQUEST_LENGTH) }))}
            placeholder={t('checkin.requests.placeholder')}
            describedBy="ck-requests-hint"
            disabled={locked}
            className="field__input ck-textarea"
          />
        </div>
      </section>

      <section className="ck-card">
        <div className="field">
          <label className="field__label" htmlFor="ck-offered">{t('checkin.requests.offered')}</label>
          <span className="field__hint" id="ck-offered-hint">{t('checkin.requests.offeredHint')}</span>
          <DraftText
            id="ck-offered"
            multiline
            rows={4}
            value={checkin.offeredServices.join('\n')}
            onCommit={(text) => update((current) => ({ ...current, offeredServices: limitedLines(text, MAX_OFFER_LENGTH) }))}
            placeholder={t('checkin.requests.offeredPlaceholder')}
            describedBy="ck-offered-hint"
            disabled={locked}
            className="field__input ck-textarea"
          />
        </div>
      </section>
    </div>
  );
}
