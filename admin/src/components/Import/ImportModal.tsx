import { Button, Flex, Loader, Modal, Typography } from '@strapi/design-system';
import { Upload } from '@strapi/icons';
import { useNotification } from '@strapi/strapi/admin';
import { useEffect, useRef, useState } from 'react';
import type { GetImport } from '../../../../contracts/imports';
import { useT } from '../../hooks/useT';
import { useImportApi } from '../../services/imports';
import { apiErrorMessage } from '../../utils/apiErrors';
import { isActive } from '../../utils/importProgress';
import { Progress } from '../Progress';
import { ImportFileForm } from './ImportFileForm';
import { ImportReport } from './ImportReport';

interface ImportModalProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** The job this browser follows (null: none; choose a file). */
  jobId: number | null;
  job?: GetImport.Response['data'];
  /** A new job was queued (its id), or the followed one is dismissed (null). */
  onJob: (id: number | null) => void;
}

const looksLikeCsv = (file: File) => /\.csv$/i.test(file.name) || file.type === 'text/csv';

/**
 * "Import customers": template, file, "dry run first", upload with a progress bar; then the
 * job's live progress and its report. The job runs on the server: closing the modal (or
 * reloading) leaves it running, and the modal opens on it again. After a dry run, "Import for
 * real" sends the same file again.
 */
export const ImportModal = ({ open, onOpenChange, jobId, job, onJob }: ImportModalProps) => {
  const t = useT();
  const api = useImportApi();
  const { toggleNotification } = useNotification();
  const [file, setFile] = useState<File | null>(null);
  const [dryRun, setDryRun] = useState(true);
  const [fileError, setFileError] = useState<string>();
  const [uploading, setUploading] = useState<number | null>(null);
  const abort = useRef<AbortController | null>(null);
  useEffect(() => () => abort.current?.abort(), []);

  const upload = async (asDryRun: boolean) => {
    if (!file) return setFileError(t('import.file.missing'));
    if (!looksLikeCsv(file)) return setFileError(t('import.file.notCsv'));
    setFileError(undefined);
    abort.current = new AbortController();
    setUploading(0);
    try {
      const queued = await api.upload(file, asDryRun, setUploading, abort.current.signal);
      onJob(queued.id);
    } catch (failure) {
      const message = apiErrorMessage(failure);
      if (message !== undefined || !(failure instanceof DOMException)) {
        toggleNotification({ type: 'danger', message: message ?? t('notification.error') });
      }
    } finally {
      setUploading(null);
    }
  };

  const finished = job !== undefined && !isActive(job);
  const close = (next: boolean) => {
    // A finished job is dismissed on close; a running one stays followed.
    if (!next && finished) onJob(null);
    onOpenChange(next);
  };

  const body =
    uploading !== null ? (
      <Flex direction="column" alignItems="stretch" gap={3} role="status">
        <Typography textColor="neutral800">
          {t('import.uploading', { name: file?.name ?? '', percent: Math.round(uploading * 100) })}
        </Typography>
        <Progress value={Math.round(uploading * 100)} label={t('import.upload.label')} />
      </Flex>
    ) : jobId !== null ? (
      job ? (
        <ImportReport job={job} />
      ) : (
        <Flex justifyContent="center" padding={6}>
          <Loader>{t('import.loading')}</Loader>
        </Flex>
      )
    ) : (
      <ImportFileForm
        file={file}
        onFile={(next) => {
          setFile(next);
          setFileError(undefined);
        }}
        dryRun={dryRun}
        onDryRun={setDryRun}
        error={fileError}
      />
    );

  return (
    <Modal.Root open={open} onOpenChange={close}>
      <Modal.Content style={{ maxWidth: '96rem', width: '92vw' }}>
        <Modal.Header closeLabel={t('import.close')}>
          <Modal.Title>{t('import.title')}</Modal.Title>
        </Modal.Header>
        <Modal.Body>{body}</Modal.Body>
        <Modal.Footer>
          {uploading !== null ? (
            <Button variant="tertiary" onClick={() => abort.current?.abort()}>
              {t('import.upload.cancel')}
            </Button>
          ) : jobId === null ? (
            <>
              <Button variant="tertiary" onClick={() => close(false)}>
                {t('form.cancel')}
              </Button>
              <Button startIcon={<Upload />} onClick={() => upload(dryRun)}>
                {dryRun ? t('import.start.dryRun') : t('import.start')}
              </Button>
            </>
          ) : (
            <>
              <Button variant="tertiary" onClick={() => close(false)}>
                {finished ? t('import.close') : t('import.hide')}
              </Button>
              <Flex gap={2}>
                {finished && (
                  <Button variant="secondary" onClick={() => onJob(null)}>
                    {t('import.another')}
                  </Button>
                )}
                {finished && job?.dryRun && job.status === 'completed' && file && (
                  <Button startIcon={<Upload />} onClick={() => upload(false)}>
                    {t('import.forReal')}
                  </Button>
                )}
              </Flex>
            </>
          )}
        </Modal.Footer>
      </Modal.Content>
    </Modal.Root>
  );
};
