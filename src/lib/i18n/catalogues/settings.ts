import { defineCatalogue } from './define';

export default defineCatalogue({}, {});
