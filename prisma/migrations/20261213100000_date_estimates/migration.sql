-- Dates as precise as the evidence: a week precision, and dates reasoned from other articles (issue 13).
ALTER TYPE "DatePrecision" ADD VALUE 'WEEK' BEFORE 'MONTH';
ALTER TYPE "ProvenanceSource" ADD VALUE 'LINKED' BEFORE 'NONE';
