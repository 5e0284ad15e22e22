// Texts of the staff workspace: staff-audit. Staff are addressed as "du"; citizens are named.
import { defineCatalogue } from './define';

export default defineCatalogue({}, {});
