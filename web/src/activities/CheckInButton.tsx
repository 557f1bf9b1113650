import { useState } from 'react';
import { Button, Typography } from 'antd';
import { AimOutlined, CheckCircleFilled } from '@ant-design/icons';
import type { CheckIn } from '../api/types';
import { useI18n } from '../i18n/i18n-context';

interface CheckInButtonProps {
  value?: CheckIn | null;
  onChange?: (value: CheckIn | null) => void;
}

/** Records where a visit took place, from the phone's location. */
export function CheckInButton({ value, onChange }: CheckInButtonProps) {
  const { t } = useI18n();
  const [locating, setLocating] = useState(false);
  const [failed, setFailed] = useState(false);

  const locate = () => {
    if (!('geolocation' in navigator)) {
      setFailed(true);
      return;
    }
    setLocating(true);
    setFailed(false);
    navigator.geolocation.getCurrentPosition(
      (position) => {
        setLocating(false);
        onChange?.({
          lat: position.coords.latitude,
          lng: position.coords.longitude,
          at: new Date(position.timestamp).toISOString(),
        });
      },
      () => {
        setLocating(false);
        setFailed(true);
      },
      { enableHighAccuracy: true, timeout: 15_000 },
    );
  };

  if (value) {
    return (
      <Typography.Text type="success" data-testid="activity-checked-in">
        <CheckCircleFilled /> {t('activity.checkedIn', { lat: value.lat.toFixed(5), lng: value.lng.toFixed(5) })}{' '}
        <Button type="link" size="small" onClick={() => onChange?.(null)}>
          {t('action.clear')}
        </Button>
      </Typography.Text>
    );
  }
  return (
    <span>
      <Button icon={<AimOutlined />} loading={locating} onClick={locate} data-testid="activity-check-in">
        {t('activity.checkIn')}
      </Button>
      {failed ? (
        <Typography.Text type="danger" className="l2c-inline-hint">
          {t('activity.checkInFailed')}
        </Typography.Text>
      ) : null}
    </span>
  );
}
