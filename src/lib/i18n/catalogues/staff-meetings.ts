// Texts of the staff workspace: staff-meetings. Staff are addressed as "du"; citizens are named.
import { defineCatalogue } from './define';

export default defineCatalogue({}, {});
