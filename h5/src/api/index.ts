/**
 * The H5's typed API client: one function per server route, each checking
 * the response against the schema from `@baton/shared`.
 */
export { ApiError, errorMessage, isMissing } from './errors';
export { redirectToLogin } from './http';
export { fetchMe, logout } from './me';
export {
  fetchHandovers, fetchHandover, startHandover, completeMilestone,
  signMilestone,
} from './handovers';
export { fetchItem, updateItem, moveItem, deleteItem } from './items';
