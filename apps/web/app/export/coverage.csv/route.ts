// CSV of exactly what a coverage chart shows: the chart's own download link carries its query here.
import { CoverageQuery, coverageRequestFromUrl, coverageToCsv, coverageVariables } from "../../../lib/coverage";
import { describeFailure } from "../../../lib/load";
import { makeClient } from "../../../lib/urql";

export const dynamic = "force-dynamic";

const plainText = (status: number, text: string) =>
  new Response(`${text}\n`, { status, headers: { "content-type": "text/plain; charset=utf-8" } });

export async function GET(request: Request): Promise<Response> {
  const url = new URL(request.url);
  const wanted = coverageRequestFromUrl(url);
  if (!wanted)
    return plainText(
      400,
      "This export link is incomplete: it needs dimension, from and to. Use the Download CSV link under a chart.",
    );
  const result = await makeClient().query(CoverageQuery, coverageVariables(wanted)).toPromise();
  if (result.error || !result.data) {
    const failure = describeFailure(result.error);
    return plainText(failure.kind === "unreachable" ? 502 : 400, failure.message);
  }
  const name = `storyline-${wanted.dimension.toLowerCase()}-${wanted.bucket.toLowerCase()}-${wanted.from}-${wanted.to}.csv`;
  return new Response(coverageToCsv(result.data.coverage), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${name.replace(/[^A-Za-z0-9._-]/g, "_")}"`,
      "cache-control": "no-store",
    },
  });
}
