import { dd } from '../../dist/index.js';
export default dd;
