import {
  CheckSquareOutlined,
  EditOutlined,
  EnvironmentOutlined,
  FileTextOutlined,
  MailOutlined,
  PhoneOutlined,
  ScheduleOutlined,
  TeamOutlined,
  UserAddOutlined,
} from '@ant-design/icons';
import type { TimelineVisual } from '../timeline/timeline-entry';

/** One icon per activity type and timeline kind, used by the timeline and the activity list alike. */
export function ActivityTypeIcon({ visual }: { visual: TimelineVisual }) {
  switch (visual) {
    case 'visit':
      return <EnvironmentOutlined data-icon="visit" />;
    case 'call':
      return <PhoneOutlined data-icon="call" />;
    case 'meeting':
      return <TeamOutlined data-icon="meeting" />;
    case 'email':
      return <MailOutlined data-icon="email" />;
    case 'task':
      return <CheckSquareOutlined data-icon="task" />;
    case 'note':
      return <FileTextOutlined data-icon="note" />;
    case 'change':
      return <EditOutlined data-icon="change" />;
    case 'contact':
      return <UserAddOutlined data-icon="contact" />;
    case 'activity':
      return <ScheduleOutlined data-icon="activity" />;
  }
}
