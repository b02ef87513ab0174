// The overview and the lists show their skeleton at once. The detail routes sit outside this group on purpose:
// a skeleton sent early fixes the status at 200, and they must answer 404 for an id that matches nothing.
export { PageSkeleton as default } from "../../components/PageSkeleton";
