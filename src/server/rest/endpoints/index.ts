// Every endpoint of /api/v1, in the order the reference lists them.
import { candidateEndpoints } from "./candidates";
import { interviewEndpoints } from "./interviews";
import { resultEndpoints } from "./results";
import { vacancyEndpoints } from "./vacancies";

export const ENDPOINTS = [...vacancyEndpoints, ...candidateEndpoints, ...interviewEndpoints, ...resultEndpoints];
