// The skeleton wraps only the page: the layout beside it has already decided between 200 and 404.
export { PageSkeleton as default } from "../../../../components/PageSkeleton";
