import type { BlobRef } from '../../../domain/schemas/common';
import { useI18n } from '../../i18n/i18n';
import { useBlobView } from './blobStore';

function Thumbnail({ photo, number }: { photo: BlobRef; number: number }) {
  const { t } = useI18n();
  const view = useBlobView(photo);
  const alt = t('checkin.photo.alt', { number });

  switch (view.status) {
    case 'ready':
      return <img className="ck-thumb__image" src={view.url} alt={alt} width={photo.width} height={photo.height} />;
    case 'waiting':
      return <span className="ck-thumb__missing" role="img" aria-label={alt}>{t('checkin.photo.missing')}</span>;
    case 'loading':
      return <span className="ck-thumb__missing" role="img" aria-label={alt} />;
  }
}

interface PhotoStripProps {
  photos: readonly BlobRef[];
  /** Removes the photo at an index; omitted where photos cannot be removed (a signed sheet). */
  onRemove?: (index: number) => void;
  testId?: string;
}

/** Thumbnails of a list of photos, each with a remove button while the sheet can change. */
export function PhotoStrip({ photos, onRemove, testId }: PhotoStripProps) {
  const { t } = useI18n();
  if (photos.length === 0) return null;

  return (
    <ul className="ck-thumbs" data-testid={testId}>
      {photos.map((photo, index) => (
        <li key={`${photo.sha256}-${index}`} className="ck-thumb">
          <Thumbnail photo={photo} number={index + 1} />
          {onRemove && (
            <button
              type="button"
              className="ck-thumb__remove"
              aria-label={t('checkin.photo.remove', { number: index + 1 })}
              onClick={() => onRemove(index)}
            >
              ×
            </button>
          )}
        </li>
      ))}
    </ul>
  );
}
