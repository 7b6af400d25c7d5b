export { skillsGrants } from './skills.policy.js';
export { skillsRoutes } from './skills.routes.js';
export { seedSkills } from './skills.seed.js';
export { countLevels, cycleOfLevel, positioning } from './skills.positioning.js';
export { publishDueSkillAssessments, scheduleSkillPublications } from './skills.publication.js';
