/**
 * CloudFront Function (viewer request, JS 2.0 runtime) that gives the private S3 origin directory indexes:
 * the default root object only covers `/`, so `/reports/x/2022/` is rewritten to `…/2022/index.html`, and
 * `/reports/x/2022` is redirected to the slash form so the page's relative links resolve as they do locally.
 * Kept as plain ES5-style source because CloudFront Functions run it as-is, with no bundler.
 */
export const DIRECTORY_INDEX_SOURCE = `function handler(event) {
  var request = event.request;
  var uri = request.uri;
  if (uri.charAt(uri.length - 1) === '/') {
    request.uri = uri + 'index.html';
    return request;
  }
  var last = uri.substring(uri.lastIndexOf('/') + 1);
  if (last.indexOf('.') === -1) {
    return { statusCode: 301, statusDescription: 'Moved Permanently', headers: { location: { value: uri + '/' } } };
  }
  return request;
}`;
