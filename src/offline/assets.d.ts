/** An .xlsx the offline build puts into the page as a data: URL (webpack asset/inline). */
declare module "*.xlsx" {
  const dataUrl: string;
  export default dataUrl;
}
