import { createRoot } from 'react-dom/client';
import { createOperatorApi } from '../shared/api.ts';
import { OperatorApp } from './OperatorApp.tsx';
import './operator.css';

for (const type of ['contextmenu', 'dragstart', 'gesturestart']) document.addEventListener(type, (e) => e.preventDefault());

const toStudents = () => location.replace('../');
createRoot(document.getElementById('root')!).render(<OperatorApp api={createOperatorApi()} toStudents={toStudents} />);
