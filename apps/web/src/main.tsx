import { createRoot } from 'react-dom/client';
import { App } from './components/App';
import './styles.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html must contain <div id="root">');
createRoot(root).render(<App />);
